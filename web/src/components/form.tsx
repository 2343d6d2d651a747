import { useId, type ReactElement, cloneElement } from 'react'
import { Label } from './ui/label'
import { ApiError } from '@/api/client'

/** A labelled control; the API's field error for `name` is shown under it and announced. */
export function Field({ label, name, error, hint, children }: {
  label: string; name?: string; error?: unknown; hint?: string; children: ReactElement<Record<string, unknown>>
}) {
  const id = useId()
  const message = name && error instanceof ApiError ? error.fieldErrors.find((e) => e.field === name || e.field.endsWith(`.${name}`))?.message : undefined
  const describedBy = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      {cloneElement(children, { id, name, 'aria-describedby': describedBy, 'aria-invalid': message ? true : undefined })}
      {hint && <p id={`${id}-hint`} className="text-xs text-slate-700">{hint}</p>}
      {message && <p id={`${id}-error`} className="text-sm text-red-800">{label} {message}</p>}
    </div>
  )
}
