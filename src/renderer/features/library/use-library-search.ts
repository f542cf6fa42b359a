import { useCallback, useEffect, useState } from 'react'
import type { Api } from '../../../shared/api'
import type { ScenarioSummary } from '../../../shared/contract'

export type Filters = { query: string; tag: string; measure: string; sort: 'updated' | 'name' }
export const NO_FILTERS: Filters = { query: '', tag: '', measure: '', sort: 'updated' }
const PAGE = 50

type FirstPage = { items: ScenarioSummary[]; total: number; tags: { tag: string; count: number }[] }
/**
 * The unfiltered first page as last seen in this window. Reopening the library shows it at once and
 * refreshes it in the same moment (stale-while-revalidate), so opening never waits for the backend.
 */
let lastFirstPage: FirstPage | null = null
const isUnfiltered = (f: Filters) => f.query === '' && f.tag === '' && f.measure === '' && f.sort === 'updated'

/** Fetches the unfiltered first page ahead of time (the app calls it when idle), so even the first opening is instant. */
export async function prefetchFirstPage(api: Api): Promise<void> {
  const [page, tags] = await Promise.all([api.call('scenario.search', { sort: 'updated', limit: PAGE, offset: 0 }), api.call('scenario.tags', {})])
  if (page.ok && tags.ok && lastFirstPage === null) lastFirstPage = { items: page.value.items, total: page.value.total, tags: tags.value.items }
}

/**
 * One page of the library at a time (the library may hold 10,000 scenarios), filtered on the backend.
 * `reload` after a change; `more` appends the next page.
 */
export function useLibrarySearch(api: Api, filters: Filters, refreshKey = 0) {
  const cached = isUnfiltered(filters) ? lastFirstPage : null
  const [items, setItems] = useState<ScenarioSummary[]>(cached?.items ?? [])
  const [total, setTotal] = useState(cached?.total ?? 0)
  const [loaded, setLoaded] = useState(cached !== null)
  const [error, setError] = useState<string | null>(null)
  const [tags, setTags] = useState<{ tag: string; count: number }[]>(cached?.tags ?? [])
  const [generation, setGeneration] = useState(0)

  const input = useCallback(
    (offset: number) => ({ query: filters.query, tag: filters.tag || undefined, measure: filters.measure || undefined, sort: filters.sort, limit: PAGE, offset }),
    [filters.query, filters.tag, filters.measure, filters.sort]
  )

  // No typing pause and no timer: a search takes a few ms even over 10,000 scenarios, so it starts as soon
  // as the filters change; an answer that arrives after a newer change is dropped, so results match the box.
  const unfiltered = isUnfiltered(filters)
  useEffect(() => {
    let cancelled = false
    void Promise.all([api.call('scenario.search', input(0)), api.call('scenario.tags', {})]).then(([page, tagList]) => {
      if (cancelled) return
      if (page.ok) {
        setItems(page.value.items)
        setTotal(page.value.total)
        setError(null)
      } else setError(page.error.message)
      if (tagList.ok) setTags(tagList.value.items)
      if (page.ok && tagList.ok && unfiltered) lastFirstPage = { items: page.value.items, total: page.value.total, tags: tagList.value.items }
      setLoaded(true)
    })
    return () => {
      cancelled = true
    }
  }, [api, input, generation, refreshKey, unfiltered])

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
