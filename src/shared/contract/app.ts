import { z } from 'zod'

/** Application-level methods. */
export const appContract = {
  'app.info': {
    input: z.object({}).strict(),
    output: z.object({ appVersion: z.string(), datasetVersion: z.string(), dataDir: z.string(), runtime: z.enum(['electron', 'web']) })
  }
} as const
