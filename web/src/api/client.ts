import { accessToken } from '@/auth/session'
import { config, type AppConfig } from '@/lib/config'

export type Service = 'auth' | 'appointments' | 'chat' | 'notes' | 'media'

/** A refused request, with the RFC 9457 problem the service sent, in words a person can read. */
export class ApiError extends Error {
  readonly status: number
  readonly fieldErrors: { field: string; message: string }[]
  constructor(status: number, message: string, fieldErrors: { field: string; message: string }[] = []) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.fieldErrors = fieldErrors
  }
}

const FALLBACK: Record<number, string> = {
  400: 'Something in the form is not right.',
  401: 'Your session has ended. Please sign in again.',
  403: 'You are not allowed to do this.',
  404: 'We could not find that. It may have been removed, or it is not yours to see.',
  409: 'That changed in the meantime. Please look again and retry.',
  412: 'Someone changed this while you were editing. Reload it and apply your change again.',
  413: 'That file is too large.',
  415: 'That kind of file is not accepted.',
  422: 'Something in the form is not right.',
  429: 'Too many attempts. Please wait a moment and try again.',
}

function baseUrl(service: Service, cfg: AppConfig): string {
  const urls: Record<Service, string> = {
    auth: cfg.authUrl, appointments: cfg.appointmentsUrl, chat: cfg.chatUrl, notes: cfg.notesUrl, media: cfg.mediaUrl,
  }
  return (urls[service] ?? '').replace(/\/+$/, '')
}

/** Turns any failed response into an ApiError: problem+json detail first, then a plain sentence per status. */
export async function toApiError(response: Response): Promise<ApiError> {
  let detail: string | undefined
  let fieldErrors: { field: string; message: string }[] = []
  const type = response.headers.get('content-type') ?? ''
  if (type.includes('json')) {
    try {
      const problem = await response.json()
      detail = typeof problem.detail === 'string' && problem.detail ? problem.detail
        : typeof problem.title === 'string' && response.status < 500 ? problem.title : undefined
      if (Array.isArray(problem.errors)) {
        fieldErrors = problem.errors
          .filter((e: unknown) => e && typeof e === 'object')
          .map((e: { field?: string; message?: string }) => ({ field: String(e.field ?? ''), message: String(e.message ?? '') }))
      }
    } catch {
      // not JSON after all: fall back to the status sentence
    }
  }
  if (response.status >= 500) {
    detail = 'The service had a problem. Please try again in a moment.'
  }
  if (!detail && fieldErrors.length) detail = fieldErrors.map((e) => `${e.field} ${e.message}`).join('; ')
  return new ApiError(response.status, detail ?? FALLBACK[response.status] ?? `The request failed (${response.status}).`, fieldErrors)
}

export interface RequestOptions {
  method?: string
  body?: unknown
  headers?: Record<string, string>
  raw?: boolean
  signal?: AbortSignal
}

export async function request<T>(service: Service, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  const token = accessToken()
  if (token) headers.Authorization = `Bearer ${token}`
  let body: BodyInit | undefined
  if (options.body instanceof FormData) {
    body = options.body
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  let response: Response
  try {
    response = await fetch(baseUrl(service, config()) + path, { method: options.method ?? 'GET', headers, body, signal: options.signal })
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e
    throw new ApiError(0, 'We cannot reach Consulta right now. Check your connection and try again.')
  }
  if (!response.ok) throw await toApiError(response)
  if (options.raw) return response as unknown as T
  if (response.status === 204) return undefined as T
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export const api = {
  get: <T>(service: Service, path: string) => request<T>(service, path),
  post: <T>(service: Service, path: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>(service, path, { method: 'POST', body, headers }),
  put: <T>(service: Service, path: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>(service, path, { method: 'PUT', body, headers }),
  del: <T>(service: Service, path: string) => request<T>(service, path, { method: 'DELETE' }),
  /** Downloads a protected file (PDF, .ics) with the token and hands it to the browser. */
  download: async (service: Service, path: string, filename: string) => {
    const response = await request<Response>(service, path, { raw: true, headers: { Accept: '*/*' } })
    const url = URL.createObjectURL(await response.blob())
    const link = document.createElement('a')
    link.href = url
    link.download = filename
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  },
}

export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams()
  Object.entries(params).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v))
  })
  const text = search.toString()
  return text ? `?${text}` : ''
}
