// The benchmark's query set (npm run bench), also ranked by the engine's equivalence tests.

/** The query set: realistic answers, each with several requirements and preferences. */
export const QUERIES = {
  individual: {
    seeking: 'individual',
    ageGroup: 'adult',
    concerns: { primary: 'low-desire', others: ['performance-anxiety', 'body-image'] },
    preferences: {
      therapistGender: { value: ['woman'], importance: 'preferred' },
      languages: { value: ['es'], importance: 'preferred' },
    },
    formats: { value: ['in-person', 'telehealth'], importance: 'preferred' },
    location: { lat: 40.7411, lng: -74.0018, maxDistanceKm: 40, jurisdiction: 'US-NY' },
    budget: { value: { max: 160, currency: 'USD' }, importance: 'preferred' },
    acceptingNewClients: { value: true, importance: 'required' },
  },
  couple: {
    seeking: 'couple',
    ageGroup: 'adult',
    concerns: { primary: 'desire-discrepancy', others: ['communication-about-sex', 'erectile-concerns'] },
    preferences: {
      therapistGender: { value: ['woman', 'non-binary'], importance: 'required' },
      languages: { value: ['es'], importance: 'preferred' },
      modalities: { value: ['sensate-focus', 'cbt'], importance: 'preferred' },
    },
    partnerPreferences: {
      therapistGender: { value: ['woman'], importance: 'preferred' },
      communities: { value: ['lgbtq'], importance: 'preferred' },
      therapistIdentity: { value: ['lgbtq'], importance: 'preferred' },
    },
    therapyStyle: { lead: 'therapist', focus: 'present' },
    formats: { value: ['in-person', 'telehealth'], importance: 'required' },
    location: { lat: 37.7749, lng: -122.4194, maxDistanceKm: 40, jurisdiction: 'US-CA' },
    budget: { value: { max: 180, currency: 'USD' }, importance: 'preferred' },
    acceptingNewClients: { value: true, importance: 'required' },
    freeConsultation: { value: true, importance: 'preferred' },
  },
  'telehealth, one jurisdiction': {
    seeking: 'individual',
    ageGroup: 'adult',
    concerns: { primary: 'sexual-trauma', others: ['sexual-shame'] },
    preferences: {
      communities: { value: ['lgbtq', 'trans'], importance: 'preferred' },
      therapistFaith: { value: ['jewish'], importance: 'preferred' },
    },
    therapyStyle: { intensity: 'gentle', approach: 'support' },
    formats: { value: ['telehealth'], importance: 'required' },
    location: { jurisdiction: 'US-TX' },
    slidingScale: { value: true, importance: 'preferred' },
  },
  'in person ≤ 50 km': {
    seeking: 'individual',
    ageGroup: 'older-adult',
    concerns: { primary: 'erectile-concerns', others: ['aging-and-sex'] },
    preferences: { modalities: { value: ['sensate-focus'], importance: 'preferred' } },
    formats: { value: ['in-person'], importance: 'required' },
    location: { lat: 41.8781, lng: -87.6298, maxDistanceKm: 50, jurisdiction: 'US-IL' },
    acceptingNewClients: { value: true, importance: 'required' },
  },
};
