/** The catalogue and dataset validated at build time (scripts/validated-dataset.ts). */
declare module 'virtual:chokepoint-dataset' {
  import type { Catalogue, Dataset } from '../core'
  export const catalogue: Catalogue
  export const dataset: Dataset
}
