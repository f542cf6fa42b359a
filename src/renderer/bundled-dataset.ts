import { indexModel, loadUncertainty, parseIdMigrations, type IdMigrations, type Model, type UncertaintySpec } from '../core'
import { catalogue, dataset } from 'virtual:chokepoint-dataset'
import uncertaintyJson from '../../resources/data/uncertainty.json'
import idMigrations from '../../resources/data/id-migrations.json'

/*
 * The renderer's src/shared/dataset.ts (the build aliases it here, electron.vite.config.ts): the same exports,
 * but the catalogue and dataset were validated when the app was built (scripts/validated-dataset.ts), so the
 * page only indexes them and runs the cross-file checks. Services and the CLI keep loading src/shared/dataset.ts.
 */

/** The shipped baseline, validated at build time and indexed here. */
export const model: Model = indexModel(catalogue, dataset)

/** The uncertainty structure behind every band, checked against the model (leniently, as in src/shared/dataset.ts). */
export const uncertainty: UncertaintySpec = loadUncertainty(uncertaintyJson, model, { strict: false })

/** Renamed and retired catalogue ids, dataset by dataset. */
export const catalogueMigrations: IdMigrations = parseIdMigrations(idMigrations)
