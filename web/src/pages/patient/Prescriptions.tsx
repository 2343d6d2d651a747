import { useAuth } from '@/auth/AuthContext'
import { PrescriptionList } from '@/components/clinical/Prescriptions'
import { PageTitle } from '@/components/states'

export default function Prescriptions() {
  const { user } = useAuth()
  return <><PageTitle>Your prescriptions</PageTitle><PrescriptionList patientId={user!.profile.sub} /></>
}
