import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { IPC_EVENT, type AppEvent } from '../shared/channels'

/** The app menu with the usual accelerators; app commands are forwarded to the renderer as events. */
export function buildMenu(getWindow: () => BrowserWindow | null): Menu {
  // Accelerators are shown but not registered: the renderer handles the keys in both runtimes (desktop and
  // web), so a key press never fires twice and text fields keep their native undo.
  const send = (event: AppEvent) => () => getWindow()?.webContents.send(IPC_EVENT, event)
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Scenario', accelerator: 'CmdOrCtrl+N', registerAccelerator: false, click: send('menu:new') },
        { label: 'Open Library…', accelerator: 'CmdOrCtrl+O', registerAccelerator: false, click: send('menu:open-library') },
        { type: 'separator' },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', registerAccelerator: false, click: send('menu:save') },
        { label: 'Save As…', accelerator: 'Shift+CmdOrCtrl+S', registerAccelerator: false, click: send('menu:save-as') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      label: '&Edit',
      submenu: [
        // Undo/redo act on the scenario (the renderer's history), not on text fields only.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: send('menu:undo') },
        { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', registerAccelerator: false, click: send('menu:redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' }
      ]
    },
    {
      label: '&View',
      submenu: [
        { label: 'Presentation Mode', accelerator: 'F5', registerAccelerator: false, click: send('menu:present') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    { role: 'windowMenu' },
    { label: '&Help', submenu: [{ label: 'Keyboard Shortcuts', accelerator: 'Shift+/', registerAccelerator: false, click: send('menu:help') }] }
  ]
  return Menu.buildFromTemplate(template)
}
