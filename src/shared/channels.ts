/** IPC channel names: the preload exposes exactly these, main handles exactly these. */
export const IPC_CALL = 'chokepoint:call'
export const IPC_EVENT = 'chokepoint:event'

/** Events pushed from the backend to the renderer (menu commands in the desktop app). */
export const APP_EVENTS = ['menu:new', 'menu:save', 'menu:save-as', 'menu:open-library', 'menu:undo', 'menu:redo', 'menu:present', 'menu:help'] as const
export type AppEvent = (typeof APP_EVENTS)[number]
