import { describe, expect, it } from 'vitest'
import { emptyLane, finish, submit, type JobRequest } from './protocol'

const req = (id: number): JobRequest => ({ id, kind: 'bands', input: id })

describe('worker lane (latest wins)', () => {
  it('sends at once when idle, and keeps only the newest request while busy', () => {
    let s = submit(emptyLane(), req(1))
    expect(s.send?.id).toBe(1)
    s = submit(s.lane, req(2))
    expect(s.send).toBeNull()
    s = submit(s.lane, req(3))
    expect(s.lane.waiting?.id).toBe(3)
    const f = finish(s.lane, 1)
    expect(f.current).toBe(false)
    expect(f.send?.id).toBe(3)
    const g = finish(f.lane, 3)
    expect(g.current).toBe(true)
    expect(g.lane).toEqual(emptyLane())
  })
  it('ignores answers to jobs it no longer runs', () => {
    const s = submit(emptyLane(), req(5))
    expect(finish(s.lane, 4)).toEqual({ lane: s.lane, send: null, current: false })
  })
})
