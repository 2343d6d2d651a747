import { Link, useParams } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import { MessageCircle } from 'lucide-react'
import { api } from '@/api/client'
import type { Profile } from '@/api/types'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs'
import { ErrorState, Loading, PageTitle } from '@/components/states'
import { JournalView } from '@/components/clinical/JournalView'
import { PrescriptionForm, PrescriptionList } from '@/components/clinical/Prescriptions'
import { PhotoGallery } from '@/components/clinical/PhotoGallery'
import { useCounterpartNames } from '@/lib/names'
import { VisitList } from '@/pages/patient/Visits'

/** One patient in the doctor's care: visits, journal (write notes), photos, prescriptions (issue), chat. */
export default function PatientDetail() {
  const { patientId = '' } = useParams()
  const profile = useQuery({ queryKey: ['patient', patientId], queryFn: () => api.get<Profile>('auth', `/api/v1/patients/${patientId}`) })
  const { visits } = useCounterpartNames()
  if (profile.isPending) return <Loading />
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => profile.refetch()} />
  const p = profile.data
  const theirs = visits.data?.items.filter((v) => v.patientId === patientId) ?? []
  return (
    <>
      <PageTitle action={<Button asChild variant="outline"><Link to={`/chat?patientId=${patientId}`}><MessageCircle aria-hidden /> Chat</Link></Button>}>{p.name}</PageTitle>
      <p className="mb-4 text-sm text-slate-700">{p.dateOfBirth ? `Born ${p.dateOfBirth}` : ''}{p.phone ? ` · ${p.phone}` : ''} · {p.email}</p>
      <Tabs defaultValue="visits">
        <TabsList aria-label="Patient record">
          <TabsTrigger value="visits">Visits</TabsTrigger>
          <TabsTrigger value="journal">Journal</TabsTrigger>
          <TabsTrigger value="prescriptions">Prescriptions</TabsTrigger>
          <TabsTrigger value="photos">Photos</TabsTrigger>
        </TabsList>
        <TabsContent value="visits" className="mt-4">{visits.isPending ? <Loading /> : <VisitList visits={theirs} actions={() => null} />}</TabsContent>
        <TabsContent value="journal" className="mt-4"><JournalView patientId={patientId} /></TabsContent>
        <TabsContent value="prescriptions" className="mt-4 grid gap-5 lg:grid-cols-[1fr_22rem]">
          <PrescriptionList patientId={patientId} />
          <Card className="h-fit p-4"><h2 className="mb-3 text-lg font-semibold">New prescription</h2><PrescriptionForm patientId={patientId} /></Card>
        </TabsContent>
        <TabsContent value="photos" className="mt-4"><PhotoGallery patientId={patientId} all /></TabsContent>
      </Tabs>
    </>
  )
}
