import { accessToken } from '@/auth/session'
import { config } from './config'
import { api, toApiError } from '@/api/client'
import type { Media, MediaLink } from '@/api/types'

/**
 * chat and notes learn of an upload from media-service's events, so a photo attached the moment its upload ends can
 * be refused once or twice as unknown: it is sent again after a growing pause, then the refusal is shown.
 */
export const ATTACHMENT_RETRIES = 8
export const attachmentRetryMs = (attempt: number) => Math.min(500 * 2 ** attempt, 4000)

export type Purpose = 'symptom-photo' | 'chat-attachment' | 'note-attachment' | 'profile-photo'

/** Uploads with progress (fetch cannot report upload progress; XMLHttpRequest can). */
export function uploadMedia(file: File, purpose: Purpose, patientId: string, onProgress: (fraction: number) => void): Promise<Media> {
  return new Promise((resolve, reject) => {
    const form = new FormData()
    form.append('purpose', purpose)
    form.append('patientId', patientId)
    form.append('file', file)
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${config().mediaUrl.replace(/\/+$/, '')}/api/v1/media`)
    const token = accessToken()
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total) }
    xhr.onerror = () => reject(new Error('The upload did not reach Consulta. Check your connection and try again.'))
    xhr.onload = async () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1)
        resolve(JSON.parse(xhr.responseText) as Media)
      } else {
        reject(await toApiError(new Response(xhr.responseText || null, { status: xhr.status, headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' } })))
      }
    }
    xhr.send(form)
  })
}

/**
 * A signed URL (valid a few minutes) an <img> can load without a bearer token. The signature covers the rendition,
 * so the thumbnail is asked for as such (`?rendition=thumbnail`), never made by editing the original's URL.
 */
export async function mediaLink(id: string, thumbnail = false): Promise<string> {
  const link = await api.post<MediaLink>('media', `/api/v1/media/${encodeURIComponent(id)}/link${thumbnail ? '?rendition=thumbnail' : ''}`)
  return link.url.startsWith('http') ? link.url : `${config().mediaUrl.replace(/\/+$/, '')}${link.url}`
}
