import { describe, expect, it } from 'vitest'
import { checkXml } from './xml'

describe('the XML check used by export tests', () => {
  it('accepts well-formed documents', () => {
    expect(checkXml('<?xml version="1.0"?>\n<a x="1" y=\'&lt;2&gt;\'><b/>text &amp; &#x2068;more<!-- c --><![CDATA[<raw>]]></a>')).toBe('a')
    expect(checkXml('<svg a="x>y"><t>ok</t></svg>')).toBe('svg')
  })

  it('refuses what XML forbids', () => {
    for (const bad of ['<a>\u000B</a>', '<a>\uD800</a>', '<a>&#11;</a>', '<a><b></a></b>', '<a>x & y</a>', '<a x="1" x="2"/>', '<a x=1/>', '<a/><b/>', '<a>', 'text<a/>', '<a x="<"/>', '<a>&nbsp;</a>', '<1a/>'])
      expect(() => checkXml(bad), JSON.stringify(bad)).toThrow()
  })
})
