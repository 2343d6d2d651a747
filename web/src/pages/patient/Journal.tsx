import { useAuth } from '@/auth/AuthContext'
import { JournalView } from '@/components/clinical/JournalView'
import { PageTitle } from '@/components/states'

export default function Journal() {
  const { user } = useAuth()
  return <><PageTitle>Your journal</PageTitle><JournalView patientId={user!.profile.sub} /></>
}
