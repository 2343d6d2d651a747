import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { mockFetch, renderPage } from '@/test/render'
import { FakeUpload, photo } from '@/test/fakeUpload'
import { PhotoGallery } from './PhotoGallery'

afterEach(() => vi.unstubAllGlobals())

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

const now = new Date().toISOString()
const image = (id: string, purpose: string) => ({ id, patientId: 'p1', uploadedBy: 'p1', purpose, contentType: 'image/jpeg', size: 4, sha256: 'x', createdAt: now, contentUrl: '/c', thumbnailUrl: '/t' })
const link = { 'POST http://media/api/v1/media/': { url: 'http://media/api/v1/media-links/x?signature=s', expiresAt: now } }
const listUrls = (calls: { method: string; url: string }[]) => calls.filter((c) => c.method === 'GET' && c.url.startsWith('http://media/api/v1/media?')).map((c) => new URL(c.url))

describe('Photo gallery', () => {
  it('on the symptom-photos page lists only symptom photos (asks media-service for that purpose)', async () => {
    const calls = mockFetch({ ...link, 'GET http://media/api/v1/media': { items: [image('m1', 'symptom-photo')], nextCursor: null } })
    renderPage(<PhotoGallery patientId="p1" />, { sub: 'p1' })
    expect(await screen.findAllByRole('listitem')).toHaveLength(1)
    const [url] = listUrls(calls)
    expect(url.searchParams.get('purpose')).toBe('symptom-photo')
    expect(url.searchParams.get('patientId')).toBe('p1')
    expect(screen.queryByText('Symptom photo')).not.toBeInTheDocument()
  })

  it('in the doctor\'s view of a patient lists every image with what it was uploaded for', async () => {
    const calls = mockFetch({ ...link, 'GET http://media/api/v1/media': { items: [image('m1', 'symptom-photo'), image('m2', 'chat-attachment'), image('m3', 'note-attachment')], nextCursor: null } })
    renderPage(<PhotoGallery patientId="p1" all canUpload={false} />, { sub: 'doc-1', roles: ['doctor'] })
    const items = await screen.findAllByRole('listitem')
    expect(items.map((li) => li.querySelector('span.block')?.textContent)).toEqual(['Symptom photo', 'Sent in the chat', 'Attached to a note'])
    const [url] = listUrls(calls)
    expect(url.searchParams.has('purpose')).toBe(false)
    expect(url.searchParams.get('patientId')).toBe('p1')
    expect(screen.queryByLabelText(/Upload a photo/)).not.toBeInTheDocument()
  })
})
