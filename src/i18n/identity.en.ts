// English names of the therapist's own backgrounds the quiz offers (faith, culture, identity
// communities) and of the therapy style poles: shared by the quiz's later steps and the results.
import type { Catalogue } from './localize.js';

export const identityEn = {
  'identity.christian': 'Christian',
  'identity.catholic': 'Catholic',
  'identity.jewish': 'Jewish',
  'identity.muslim': 'Muslim',
  'identity.hindu': 'Hindu',
  'identity.buddhist': 'Buddhist',
  'identity.sikh': 'Sikh',
  'identity.spiritual': 'Spiritual',
  'identity.secular': 'Secular or non-religious',
  'identity.black': 'Black',
  'identity.latino': 'Latino, Latina or Latinx',
  'identity.east-asian': 'East Asian',
  'identity.south-asian': 'South Asian',
  'identity.middle-eastern': 'Middle Eastern or North African',
  'identity.indigenous': 'Indigenous',
  'identity.white': 'White',
  'identity.lgbtq': 'LGBTQ+',
  'identity.trans': 'Trans',
  'identity.disabled': 'Disabled',
  'identity.neurodivergent': 'Neurodivergent',
  'identity.polyamorous': 'Polyamorous',
  'style.lead.therapist': 'the therapist leading',
  'style.lead.client': 'you leading',
  'style.lead.balanced': 'a shared lead',
  'style.intensity.gentle': 'gentle sessions',
  'style.intensity.intense': 'emotionally intense sessions',
  'style.intensity.balanced': 'sessions between gentle and intense',
  'style.focus.past': 'a focus on the past',
  'style.focus.present': 'a focus on the present',
  'style.focus.balanced': 'past and present alike',
  'style.approach.support': 'warm support',
  'style.approach.challenge': 'focused challenge',
  'style.approach.balanced': 'support and challenge alike',
} satisfies Catalogue;

export type IdentityMessageKey = keyof typeof identityEn;
