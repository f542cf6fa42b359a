/**
 * Monte Carlo samples behind every P10–P90 band, in the app and in exports alike, so an exported chart
 * shows exactly the band on screen (same seed, same draws). ≈ 0.1–1 ms a sample depending on load: 200
 * keep the interactive band within the 500 ms the workspace promises; P10/P90 from 200 draws move by well
 * under a point against 1,000.
 */
export const BAND_SAMPLES = 200
