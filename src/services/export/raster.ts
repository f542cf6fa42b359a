import { Resvg } from '@resvg/resvg-js'
import { SVG_WIDTH } from './chart-svg'

/**
 * Rasterises an export SVG to PNG with resvg (a native renderer shipped inside its npm package, so it works
 * offline under plain Node and in Electron's main process). Scale 1 gives 1920×1080, scale 2 gives 3840×2160.
 * Text uses the system fonts (Liberation Sans / Arial / DejaVu Sans, whichever is installed).
 */
export function svgToPng(svg: string, scale: 1 | 2 = 1): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: SVG_WIDTH * scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' }
  })
  return resvg.render().asPng()
}
