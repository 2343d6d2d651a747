import { useQuery } from '@tanstack/react-query'
import { ImageOff } from 'lucide-react'
import { mediaLink } from '@/lib/media'

/**
 * A stored photo through a signed link (its thumbnail when `thumbnail`); a fixed box so the layout does not jump when
 * it arrives. The link lives five minutes: it is asked for again after four.
 */
export function MediaImage({ id, alt, className = 'size-32', thumbnail = false }: { id: string; alt: string; className?: string; thumbnail?: boolean }) {
  const link = useQuery({ queryKey: ['media-link', id, thumbnail], queryFn: () => mediaLink(id, thumbnail), staleTime: 4 * 60_000 })
  return (
    <span className={`inline-flex items-center justify-center overflow-hidden rounded-md bg-slate-100 ${className}`}>
      {link.data ? <img src={link.data} alt={alt} className="h-full w-full object-cover" loading="lazy" />
        : link.isError ? <ImageOff className="size-5 text-slate-700" aria-label="Photo not available" /> : <span className="sr-only">Loading photo</span>}
    </span>
  )
}
