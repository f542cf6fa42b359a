/**
 * The question the desktop app asks when the window is closed (or reloaded) with unsaved changes.
 * The renderer signals unsaved changes through `beforeunload` (one mechanism for the browser and the
 * desktop app); Electron then emits `will-prevent-unload` and main shows this box. Electron-free so it
 * can be tested under Node.
 */
export const UNSAVED_CHANGES_PROMPT = {
  type: 'question' as const,
  buttons: ['Leave without saving', 'Stay'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
  title: 'Unsaved changes',
  message: 'This scenario has unsaved changes.',
  detail: 'They are not in the library yet. Chokepoint keeps an autosaved draft and offers it again next time, but only Save adds a version. Leave anyway?'
}

/** True when the person chose to leave (the unload should go ahead). */
export const choseToLeave = (response: number): boolean => response === 0
