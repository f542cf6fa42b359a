import { useCallback, useEffect, useState } from 'react'
import type { Api } from '../../../shared/api'
import type { ScenarioSummary } from '../../../shared/contract'

export type Filters = { query: string; tag: string; measure: string; sort: 'updated' | 'name' }
export const NO_FILTERS: Filters = { query: '', tag: '', measure: '', sort: 'updated' }
const PAGE = 50

/**
 * One page of the library at a time (the library may hold 10,000 scenarios), filtered on the backend.
 * `reload` after a change; `more` appends the next page.
 */
export function useLibrarySearch(api: Api, filters: Filters, refreshKey = 0) {
  const [items, setItems] = useState<ScenarioSummary[]>([])
  const [total, setTotal] = useState(0)
  const [loaded, setLoaded] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [tags, setTags] = useState<{ tag: string; count: number }[]>([])
  const [generation, setGeneration] = useState(0)

  const input = useCallback(
    (offset: number) => ({ query: filters.query, tag: filters.tag || undefined, measure: filters.measure || undefined, sort: filters.sort, limit: PAGE, offset }),
    [filters.query, filters.tag, filters.measure, filters.sort]
  )

  useEffect(() => {
    let cancelled = false
    const timer = setTimeout(
      async () => {
        const [page, tagList] = await Promise.all([api.call('scenario.search', input(0)), api.call('scenario.tags', {})])
        if (cancelled) return
        if (page.ok) {
          setItems(page.value.items)
          setTotal(page.value.total)
          setError(null)
        } else setError(page.error.message)
        if (tagList.ok) setTags(tagList.value.items)
        setLoaded(true)
      },
      // No typing pause: a search takes a few ms even over 10,000 scenarios, and an answer that arrives
      // after a newer keystroke is dropped (cancelled below), so results always match the box.
      0
    )
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [api, input, generation, refreshKey, filters.query])

  const more = useCallback(async () => {
    const page = await api.call('scenario.search', input(items.length))
    if (page.ok) {
      setItems((old) => [...old, ...page.value.items])
      setTotal(page.value.total)
    } else setError(page.error.message)
  }, [api, input, items.length])

  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  return { items, total, tags, loaded, error, more, reload }
}
