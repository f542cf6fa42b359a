import { loadModel, loadUncertainty, parseIdMigrations, type IdMigrations, type Model, type UncertaintySpec } from '../core'
import measures from '../../resources/data/measures.json'
import assumptions from '../../resources/data/assumptions.json'
import uncertaintyJson from '../../resources/data/uncertainty.json'
import idMigrations from '../../resources/data/id-migrations.json'

/**
 * The shipped baseline (resources/data), validated once at start-up. The renderer runs the engine on it
 * locally; services and the CLI use it for exports and batch runs.
 */
export const model: Model = loadModel(measures, assumptions)

/**
 * The uncertainty structure (resources/data/uncertainty.json) behind every band, checked against the model.
 * Loaded leniently: an entry a catalogue change left behind is dropped (and named in `skipped`) instead of
 * stopping the app; the unit tests load it strictly.
 */
export const uncertainty: UncertaintySpec = loadUncertainty(uncertaintyJson, model, { strict: false })

/** Renamed and retired catalogue ids, dataset by dataset: older documents are brought forward on open and import. */
export const catalogueMigrations: IdMigrations = parseIdMigrations(idMigrations)
