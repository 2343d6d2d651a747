import { useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useSymptomPhotos } from './NoteAttachments'
import { Upload } from 'lucide-react'
import { api, qs } from '@/api/client'
import type { Media, Page } from '@/api/types'
import { uploadMedia } from '@/lib/media'
import { MediaImage } from '@/components/MediaImage'
import { Empty, ErrorState, FieldErrors, Loading } from '@/components/states'
import { formatDateTime } from '@/lib/time'

const PURPOSES: Record<string, string> = {
  'symptom-photo': 'Symptom photo', 'chat-attachment': 'Sent in the chat', 'note-attachment': 'Attached to a note', 'profile-photo': 'Profile photo',
}

/**
 * One patient's symptom photos (upload with progress, and the gallery); with `all`, every image in their record,
 * each labelled with what it was uploaded for (the doctor's view of the patient).
 */
export function PhotoGallery({ patientId, canUpload = true, all = false }: { patientId: string; canUpload?: boolean; all?: boolean }) {
  const client = useQueryClient()
  const [upload, setUpload] = useState<{ name: string; fraction: number; error?: unknown } | null>(null)
  const symptomPhotos = useSymptomPhotos(patientId, !all)
  const everything = useQuery({
    queryKey: ['media', patientId, 'all'],
    queryFn: () => api.get<Page<Media>>('media', `/api/v1/media${qs({ patientId, limit: 60 })}`),
    enabled: all,
  })
  const photos = all ? everything : symptomPhotos
  const send = async (file: File) => {
    setUpload({ name: file.name, fraction: 0 })
    try {
      await uploadMedia(file, 'symptom-photo', patientId, (fraction) => setUpload({ name: file.name, fraction }))
      setUpload(null)
      client.invalidateQueries({ queryKey: ['media', patientId] })
    } catch (error) {
      setUpload({ name: file.name, fraction: 0, error })
    }
  }
  const images = photos.data?.items.filter((m) => m.contentType.startsWith('image/')) ?? []
  return (
    <div className="space-y-4">
      {canUpload && (
        <div className="flex flex-wrap items-center gap-3">
          <label className="inline-flex h-10 cursor-pointer items-center gap-2 rounded-md bg-teal-700 px-4 text-sm font-medium text-white focus-within:ring-2 focus-within:ring-teal-700 focus-within:ring-offset-2 hover:bg-teal-800">
            <Upload className="size-4" aria-hidden /> Upload a photo
            <input type="file" accept="image/jpeg,image/png,image/webp" className="sr-only" onChange={(e) => { const f = e.target.files?.[0]; if (f) send(f); e.target.value = '' }} />
          </label>
          <span className="text-xs text-slate-700">JPEG, PNG or WebP, up to 15 MB. Location data is removed.</span>
        </div>
      )}
      {upload && (upload.error ? <FieldErrors error={upload.error} /> : (
        <div className="flex flex-wrap items-center gap-2 text-sm"><span className="break-all">{upload.name}</span><progress max={1} value={upload.fraction} aria-label={`Uploading ${upload.name}`} className="h-2 w-32" /> {Math.round(upload.fraction * 100)}%</div>
      ))}
      {photos.isPending ? <Loading /> : photos.isError ? <ErrorState error={photos.error} onRetry={() => photos.refetch()} />
        : images.length === 0 ? <Empty>No photo yet.</Empty> : (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Photos">
            {images.map((m) => (
              <li key={m.id} className="space-y-1">
                <MediaImage id={m.id} thumbnail={!!m.thumbnailUrl} alt={`Photo from ${formatDateTime(m.createdAt)}`} className="aspect-square w-full" />
                <p className="text-xs text-slate-700">{all && <span className="block font-medium text-slate-900">{PURPOSES[m.purpose] ?? m.purpose}</span>}{formatDateTime(m.createdAt)}</p>
              </li>
            ))}
          </ul>
        )}
    </div>
  )
}
