import { describe, expect, it } from 'vitest'
import { shortLabel } from './measure-labels'

describe('measure labels', () => {
  it('keeps the instrument in parentheses and shortens long heads', () => {
    expect(shortLabel({ title: 'Licensing of seven medium/heavy REEs and their magnets (Ann. No. 18)' })).toBe('Licensing of seven medium/heavy… (Ann. No. 18)')
    expect(shortLabel({ title: 'Additional tariffs' })).toBe('Additional tariffs')
  })
})
