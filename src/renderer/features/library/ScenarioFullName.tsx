/**
 * The scenario's whole name, read-only, at the start of the status line: shown only while the header's name
 * field is too narrow for it (a long name on a 1280-px projector), so the room can always read which
 * scenario is on screen. It wraps rather than being cut; the field above stays the one way to rename.
 */
export function ScenarioFullName({ name }: { name: string }) {
  return (
    <p className="scenario-full-name" data-testid="scenario-full-name">
      <span className="scenario-full-name-label">Scenario:</span><span className="scenario-full-name-text">{name}</span>
    </p>
  )
}
