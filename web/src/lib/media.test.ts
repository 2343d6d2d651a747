import { afterEach, describe, expect, it, vi } from 'vitest'
import { setConfig } from '@/lib/config'
import { setTokenSource } from '@/auth/session'
import { CONFIG, json, mockFetch } from '@/test/render'
import { mediaLink } from './media'

afterEach(() => vi.unstubAllGlobals())

describe('signed media links', () => {
  it('asks media-service for the rendition it needs: the signature covers it', async () => {
    setConfig(CONFIG)
    setTokenSource(() => 'token-1')
    const calls = mockFetch({
      'POST http://media/api/v1/media/m1/link': (url: string) => json({
        url: `http://media/api/v1/media-links/m1?rendition=${url.includes('rendition=thumbnail') ? 'thumbnail' : 'original'}&caller=p1&expires=1&signature=s`,
        expiresAt: new Date().toISOString(),
      }),
    })
    expect(await mediaLink('m1', true)).toContain('/media-links/m1?rendition=thumbnail')
    expect(await mediaLink('m1')).toContain('rendition=original')
    expect(calls.map((c) => c.url)).toEqual(['http://media/api/v1/media/m1/link?rendition=thumbnail', 'http://media/api/v1/media/m1/link'])
  })

  it('makes a path-only link absolute on the media-service origin', async () => {
    setConfig(CONFIG)
    mockFetch({ 'POST http://media/api/v1/media/m2/link': { url: '/api/v1/media-links/m2?rendition=original', expiresAt: new Date().toISOString() } })
    expect(await mediaLink('m2')).toBe('http://media/api/v1/media-links/m2?rendition=original')
  })
})
