import { memo } from 'react'
import type { ScenarioDoc } from '../../../core'
import type { Edit } from '../../state/scenario-edit'
import './branch-picker.css'

type Props = { doc: ScenarioDoc; onEdit: (e: Edit) => void }

/** "Extended — 50 %": a branch option's text (probabilities to the nearest per cent). */
export const branchOptionLabel = (label: string, probability: number): string => `${label} — ${Math.round(probability * 100)} %`

const branchTitle = (doc: ScenarioDoc): string => {
  const b = doc.branches.find((x) => x.id === doc.branchView)
  return b ? branchOptionLabel(b.label, b.probability) : doc.branchView
}

/**
 * Which future the workspace shows when the scenario has branches: the probability-weighted mixture
 * or one branch. Saved with the scenario (`branchView`), so exports and the CLI show the same; charts,
 * bands and the variance breakdown all follow it. Nothing is shown for a scenario without branches.
 */
export const BranchPicker = memo(function BranchPicker({ doc, onEdit }: Props) {
  if (doc.branches.length === 0) return null
  return (
    <label className="inline-field branch-picker">
      <span>Branch</span>
      <select
        value={doc.branchView}
        title={doc.branchView === 'mixture' ? 'Mixture of branches' : branchTitle(doc)}
        onChange={(e) => onEdit({ type: 'branch-view', view: e.target.value })}
      >
        <option value="mixture">Mixture of branches</option>
        {doc.branches.map((b) => (
          <option key={b.id} value={b.id}>
            {branchOptionLabel(b.label, b.probability)}
          </option>
        ))}
      </select>
    </label>
  )
})
