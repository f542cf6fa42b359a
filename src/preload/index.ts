// Sandboxed preload: exposes `window.api` with exactly `call` and `on`, nothing else from Electron.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { IPC_CALL, IPC_EVENT } from '../shared/channels'

contextBridge.exposeInMainWorld('api', {
  call: (method: string, input: unknown) => ipcRenderer.invoke(IPC_CALL, method, input),
  on: (event: string, listener: () => void) => {
    const wrapped = (_e: IpcRendererEvent, name: unknown) => {
      if (name === event) listener()
    }
    ipcRenderer.on(IPC_EVENT, wrapped)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, wrapped)
    }
  }
})
