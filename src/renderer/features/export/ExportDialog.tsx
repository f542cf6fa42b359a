import type { ReactNode } from 'react'
import { Modal } from '../../components/Modal'

type Props = { title: string; onClose: () => void; children: ReactNode }

/** The export dialogs: the app's modal with the export styling. */
export function ExportDialog({ title, onClose, children }: Props) {
  return (
    <Modal title={title} onClose={onClose} className="export-dialog">
      {children}
    </Modal>
  )
}
