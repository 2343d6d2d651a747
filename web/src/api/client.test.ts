import { afterEach, describe, expect, it, vi } from 'vitest'
import { api, ApiError, toApiError } from './client'
import { setConfig } from '@/lib/config'
import { setTokenSource } from '@/auth/session'
import { CONFIG, json, mockFetch, problem } from '@/test/render'

afterEach(() => vi.unstubAllGlobals())

describe('API problem+json handling', () => {
  it('shows the detail the service wrote', async () => {
    const error = await toApiError(problem(409, 'Visits can be cancelled by the patient up to 24 hours before they start; please contact the practice'))
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(409)
    expect(error.message).toBe('Visits can be cancelled by the patient up to 24 hours before they start; please contact the practice')
  })

  it('keeps field errors for the form and summarises them when there is no detail', async () => {
    const response = new Response(JSON.stringify({ status: 400, errors: [{ field: 'password', message: 'must contain a digit' }] }),
      { status: 400, headers: { 'content-type': 'application/problem+json' } })
    const error = await toApiError(response)
    expect(error.fieldErrors).toEqual([{ field: 'password', message: 'must contain a digit' }])
    expect(error.message).toBe('password must contain a digit')
  })

  it('never shows a server error body to the person', async () => {
    const error = await toApiError(problem(500, 'java.lang.NullPointerException at io.consulta...'))
    expect(error.message).toBe('The service had a problem. Please try again in a moment.')
  })

  it('says something plain when the body is not a problem', async () => {
    const error = await toApiError(new Response('<html>gateway</html>', { status: 404, headers: { 'content-type': 'text/html' } }))
    expect(error.message).toMatch(/could not find that/)
  })

  it('sends the bearer token to the service of the call and parses JSON', async () => {
    setConfig(CONFIG)
    setTokenSource(() => 'abc')
    const calls = mockFetch({ 'GET http://appt/api/v1/appointments': { items: [], nextCursor: null } })
    const page = await api.get<{ items: unknown[] }>('appointments', '/api/v1/appointments')
    expect(page.items).toEqual([])
    expect(calls[0].headers.Authorization).toBe('Bearer abc')
  })

  it('turns a network failure into a sentence', async () => {
    setConfig(CONFIG)
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch') }))
    await expect(api.get('auth', '/api/v1/me')).rejects.toThrow(/cannot reach Consulta/)
  })

  it('sends JSON bodies with their content type', async () => {
    setConfig(CONFIG)
    const calls = mockFetch({ 'POST http://auth/api/v1/registrations': () => json({ id: '1' }, 201) })
    await api.post('auth', '/api/v1/registrations', { role: 'patient' })
    expect(calls[0].body).toEqual({ role: 'patient' })
    expect(calls[0].headers['Content-Type']).toBe('application/json')
  })
})
