// The palette lives in src/shared so exports (SVG, PNG, PowerPoint, PDF) use the same colours as the screen.
export { CHANNEL_COLORS, SCENARIO_COLORS } from '../../../shared/palette'
