import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { mockFetch, renderPage } from '@/test/render'
import { PhotoGallery } from './PhotoGallery'

afterEach(() => vi.unstubAllGlobals())

/** An XMLHttpRequest the test drives: progress events, then the answer media-service would give. */
class FakeUpload {
  static last?: FakeUpload
  method = ''
  url = ''
  headers: Record<string, string> = {}
  sent?: FormData
  status = 0
  responseText = ''
  private contentType = ''
  upload: { onprogress?: (e: { lengthComputable: boolean; loaded: number; total: number }) => void } = {}
  onload?: () => void
  onerror?: () => void
  constructor() { FakeUpload.last = this }
  open(method: string, url: string) { this.method = method; this.url = url }
  setRequestHeader(name: string, value: string) { this.headers[name] = value }
  getResponseHeader(name: string) { return name.toLowerCase() === 'content-type' ? this.contentType : null }
  send(body: FormData) { this.sent = body }
  progress(loaded: number, total: number) { this.upload.onprogress?.({ lengthComputable: true, loaded, total }) }
  answer(status: number, body: unknown, contentType = 'application/json') {
    this.status = status
    this.responseText = JSON.stringify(body)
    this.contentType = contentType
    this.onload?.()
  }
}

const photo = () => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'rash.jpg', { type: 'image/jpeg' })

function renderGallery() {
  const calls = mockFetch({ 'GET http://media/api/v1/media': { items: [], nextCursor: null } })
  vi.stubGlobal('XMLHttpRequest', FakeUpload)
  renderPage(<PhotoGallery patientId="p1" />, { sub: 'p1' })
  return calls
}

describe('Photo upload', () => {
  it('sends file, purpose and patientId as multipart and shows the progress', async () => {
    const calls = renderGallery()
    expect(await screen.findByText('No photo yet.')).toBeInTheDocument()
    await userEvent.upload(screen.getByLabelText(/Upload a photo/), photo())
    const xhr = FakeUpload.last!
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe('http://media/api/v1/media')
    expect(xhr.headers.Authorization).toBe('Bearer token-1')
    expect(xhr.sent!.get('purpose')).toBe('symptom-photo')
    expect(xhr.sent!.get('patientId')).toBe('p1')
    expect((xhr.sent!.get('file') as File).name).toBe('rash.jpg')
    act(() => xhr.progress(40, 100))
    expect(screen.getByRole('progressbar', { name: 'Uploading rash.jpg' })).toHaveAttribute('value', '0.4')
    expect(screen.getByText('40%')).toBeInTheDocument()
    const listsBefore = calls.filter((c) => c.url.startsWith('http://media/api/v1/media?')).length
    act(() => xhr.answer(201, { id: 'm1', patientId: 'p1', purpose: 'symptom-photo', contentType: 'image/jpeg' }))
    await waitFor(() => expect(screen.queryByRole('progressbar')).not.toBeInTheDocument())
    await waitFor(() => expect(calls.filter((c) => c.url.startsWith('http://media/api/v1/media?')).length).toBeGreaterThan(listsBefore))
  })

  it('shows a refused file\'s problem detail in plain words', async () => {
    renderGallery()
    await userEvent.upload(screen.getByLabelText(/Upload a photo/), photo())
    act(() => FakeUpload.last!.answer(415, { type: 'about:blank', title: 'Unsupported Media Type', status: 415,
      detail: 'This file is a Windows program. Accepted: JPEG, PNG, WebP images and PDF documents.' }, 'application/problem+json'))
    expect(await screen.findByRole('alert')).toHaveTextContent('This file is a Windows program. Accepted: JPEG, PNG, WebP images and PDF documents.')
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument()
  })

  it('says so in plain words when a refusal carries no detail', async () => {
    renderGallery()
    await userEvent.upload(screen.getByLabelText(/Upload a photo/), photo())
    act(() => FakeUpload.last!.answer(413, {}, 'text/plain'))
    expect(await screen.findByRole('alert')).toHaveTextContent('That file is too large.')
  })
})
