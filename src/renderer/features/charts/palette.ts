import type { Channel } from '../../../core'

/** One colour per channel everywhere (charts, legends, exports), chosen to stay distinct for common colour-blindness. */
export const CHANNEL_COLORS: Record<Channel, string> = {
  light_ree: '#8c9db5',
  dy_tb: '#d1495b',
  specialty_ree: '#edae49',
  ndfeb: '#00798c',
  smco: '#6a4c93',
  chips: '#2e86ab',
  software: '#66a182',
  tariffs: '#a0522d'
}
