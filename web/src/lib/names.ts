import { useQuery } from '@tanstack/react-query'
import { api, qs } from '@/api/client'
import type { Appointment, Page } from '@/api/types'

/** Names of the people one has visits with (conversations carry ids only). */
export function useCounterpartNames() {
  const visits = useQuery({
    queryKey: ['appointments', 'mine'],
    queryFn: () => api.get<Page<Appointment>>('appointments', `/api/v1/appointments${qs({ limit: 100 })}`),
  })
  const names = new Map<string, string>()
  visits.data?.items.forEach((v) => {
    if (v.doctorName) names.set(v.doctorId, v.doctorName)
    if (v.patientName) names.set(v.patientId, v.patientName)
  })
  return { names, visits }
}
