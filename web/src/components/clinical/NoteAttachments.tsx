import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { ImagePlus, X } from 'lucide-react'
import { api, qs } from '@/api/client'
import type { Media, Page } from '@/api/types'
import { uploadMedia } from '@/lib/media'
import { formatDateTime } from '@/lib/time'
import { MediaImage } from '@/components/MediaImage'
import { Button } from '@/components/ui/button'
import { ErrorState, FieldErrors, Loading } from '@/components/states'

/** notes-service accepts at most this many photos on one note; the form does not offer more. */
export const MAX_NOTE_PHOTOS = 10

/** The patient's symptom photos, shared with the photos page's gallery. */
export function useSymptomPhotos(patientId: string, enabled = true) {
  return useQuery({
    queryKey: ['media', patientId, 'symptom-photo'],
    queryFn: () => api.get<Page<Media>>('media', `/api/v1/media${qs({ patientId, purpose: 'symptom-photo', limit: 60 })}`),
    enabled,
  })
}

function EarlierPhotos({ patientId, chosen, onToggle, full }: { patientId: string; chosen: string[]; onToggle: (id: string) => void; full: boolean }) {
  const photos = useSymptomPhotos(patientId)
  if (photos.isPending) return <Loading label="Loading photos…" />
  if (photos.isError) return <ErrorState error={photos.error} onRetry={() => photos.refetch()} />
  const images = photos.data.items.filter((m) => m.contentType.startsWith('image/'))
  if (images.length === 0) return <p className="text-sm text-slate-700">There is no earlier photo.</p>
  return (
    <fieldset>
      <legend className="sr-only">Earlier photos</legend>
      <ul className="grid grid-cols-3 gap-2">
        {images.map((m) => {
          const on = chosen.includes(m.id)
          return (
            <li key={m.id}>
              <label className="flex cursor-pointer flex-col items-start gap-1 text-xs">
                <MediaImage id={m.id} thumbnail={!!m.thumbnailUrl} alt="" className="aspect-square w-full" />
                <span className="flex items-center gap-1">
                  <input type="checkbox" checked={on} disabled={!on && full} onChange={() => onToggle(m.id)} />
                  Photo from {formatDateTime(m.createdAt)}
                </span>
              </label>
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}

/**
 * Photos for a new note: uploaded now (purpose note-attachment, with progress) or chosen from the patient's earlier
 * symptom photos. `value` holds media ids in the order they were added.
 */
export function NoteAttachments({ patientId, value, onChange }: { patientId: string; value: string[]; onChange: (ids: string[]) => void }) {
  const [upload, setUpload] = useState<{ name: string; fraction: number; error?: unknown } | null>(null)
  const [choosing, setChoosing] = useState(false)
  const full = value.length >= MAX_NOTE_PHOTOS
  const busy = !!upload && !upload.error
  const toggle = (id: string) => onChange(value.includes(id) ? value.filter((x) => x !== id) : [...value, id])
  const send = async (file: File) => {
    setUpload({ name: file.name, fraction: 0 })
    try {
      const media = await uploadMedia(file, 'note-attachment', patientId, (fraction) => setUpload({ name: file.name, fraction }))
      setUpload(null)
      onChange([...value, media.id])
    } catch (error) {
      setUpload({ name: file.name, fraction: 0, error })
    }
  }
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium">Photos <span className="font-normal text-slate-700">({value.length} of at most {MAX_NOTE_PHOTOS})</span></p>
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Attached photos">
          {value.map((id, i) => (
            <li key={id} className="relative">
              <MediaImage id={id} thumbnail alt={`Attached photo ${i + 1}`} className="size-16" />
              <button type="button" aria-label={`Remove attached photo ${i + 1}`} onClick={() => onChange(value.filter((x) => x !== id))}
                className="absolute -right-1 -top-1 rounded-full bg-white p-0.5 text-slate-800 shadow focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-700">
                <X className="size-3" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <label className={`inline-flex h-9 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium focus-within:ring-2 focus-within:ring-teal-700 focus-within:ring-offset-2 ${full || busy ? 'opacity-60' : 'cursor-pointer hover:bg-slate-100'}`}>
          <ImagePlus className="size-4" aria-hidden /> Attach a photo
          <input type="file" accept="image/jpeg,image/png,image/webp" className="sr-only" disabled={full || busy}
            onChange={(e) => { const f = e.target.files?.[0]; if (f) send(f); e.target.value = '' }} />
        </label>
        <Button type="button" size="sm" variant="outline" aria-expanded={choosing} onClick={() => setChoosing(!choosing)}>
          {choosing ? 'Hide earlier photos' : 'Choose from earlier photos'}
        </Button>
      </div>
      {upload && (upload.error ? <FieldErrors error={upload.error} /> : (
        <div className="flex flex-wrap items-center gap-2 text-sm"><span className="break-all">{upload.name}</span><progress max={1} value={upload.fraction} aria-label={`Uploading ${upload.name}`} className="h-2 w-32" /> {Math.round(upload.fraction * 100)}%</div>
      ))}
      {choosing && <EarlierPhotos patientId={patientId} chosen={value} onToggle={toggle} full={full} />}
    </div>
  )
}
