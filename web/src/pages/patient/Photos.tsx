import { useAuth } from '@/auth/AuthContext'
import { PhotoGallery } from '@/components/clinical/PhotoGallery'
import { PageTitle } from '@/components/states'

export default function Photos() {
  const { user } = useAuth()
  return <><PageTitle>Symptom photos</PageTitle><PhotoGallery patientId={user!.profile.sub} /></>
}
