import type { ReactNode } from 'react'
import { render } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { QueryClientProvider } from '@tanstack/react-query'
import { vi } from 'vitest'
import type { User } from 'oidc-client-ts'
import { StaticAuth } from '@/auth/AuthContext'
import { setTokenSource, type Role } from '@/auth/session'
import { setConfig } from '@/lib/config'
import { makeQueryClient } from '@/App'

export const CONFIG = {
  keycloakUrl: 'http://kc', realm: 'consulta', clientId: 'consulta-web', authUrl: 'http://auth', appointmentsUrl: 'http://appt',
  chatUrl: 'http://chat', chatSocketUrl: 'ws://chat/ws/chat', notesUrl: 'http://notes', mediaUrl: 'http://media',
}

export type Handler = (url: string, init: RequestInit) => Response | Promise<Response>

/** Answers fetch calls from a table of "METHOD url-prefix" → response; records every call. */
export function mockFetch(routes: Record<string, Handler | unknown>) {
  const calls: { method: string; url: string; body?: unknown; headers: Record<string, string> }[] = []
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input)
    const method = init.method ?? 'GET'
    calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : undefined, headers: (init.headers ?? {}) as Record<string, string> })
    const key = Object.keys(routes).filter((k) => { const [m, prefix] = k.split(' '); return m === method && url.startsWith(prefix) })
      .sort((a, b) => b.length - a.length)[0]
    if (!key) return new Response(JSON.stringify({ status: 404, title: 'Not Found', detail: `no mock for ${method} ${url}` }), { status: 404, headers: { 'content-type': 'application/problem+json' } })
    const answer = routes[key]
    if (typeof answer === 'function') return (answer as Handler)(url, init)
    return json(answer)
  })
  vi.stubGlobal('fetch', fetchMock)
  return calls
}

export function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

export function problem(status: number, detail: string, errors?: { field: string; message: string }[]) {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'Problem', status, detail, errors }), { status, headers: { 'content-type': 'application/problem+json' } })
}

export function renderPage(ui: ReactNode, { path = '/', route = '/', roles = ['patient'] as Role[], sub = 'patient-1' } = {}) {
  setConfig(CONFIG)
  const user = { access_token: 'token-1', profile: { sub }, expired: false } as unknown as User
  setTokenSource(() => 'token-1')
  const auth = { user, roles, ready: true, login: vi.fn(async () => undefined), logout: vi.fn(async () => undefined) }
  return {
    auth,
    ...render(
      <QueryClientProvider client={makeQueryClient()}>
        <StaticAuth value={auth}>
          <MemoryRouter initialEntries={[route]}>
            <Routes><Route path={path} element={ui} /><Route path="*" element={<p>elsewhere</p>} /></Routes>
          </MemoryRouter>
        </StaticAuth>
      </QueryClientProvider>,
    ),
  }
}
