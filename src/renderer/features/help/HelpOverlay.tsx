import { Modal } from '../../components/Modal'
import { OTHER_SHORTCUTS, SHORTCUTS } from './shortcuts'

/** The `?` overlay: every keyboard shortcut, from the same table the key handler uses. */
export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} className="help">
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.description}</td>
            </tr>
          ))}
          {OTHER_SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Single-letter keys work when the cursor is not in a text field. Every control can also be reached with Tab and
        operated with Space or Enter; sliders move with the arrow keys.
      </p>
    </Modal>
  )
}
