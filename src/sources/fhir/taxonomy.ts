// The NUCC provider taxonomy codes of behavioural health clinicians: which PractitionerRoles of a
// payer directory fhirSource keeps by default, and what a code says about the licence and clients.
import type { ClientType } from '../../engine/schema.js';

/** The code system of the NUCC Health Care Provider Taxonomy in FHIR (Plan-Net, US Core). */
export const NUCC_SYSTEM = 'http://nucc.org/provider-taxonomy';

/** What one NUCC taxonomy code says about a clinician. */
export interface NuccTaxonomyEntry {
  /** NUCC's name for the code. */
  label: string;
  /** The licence type a qualification with this code is listed as (`licenses[].type`). */
  licenseType: string;
  /** Who this kind of clinician sees, when the code says (a marriage and family therapist sees couples). */
  clientTypes?: readonly ClientType[];
}

const COUPLES: readonly ClientType[] = ['individual', 'couple', 'family'];

/**
 * The behavioural health clinicians `fhirSource` keeps by default, by NUCC code: counsellors,
 * marriage and family therapists, clinical social workers, psychologists, psychoanalysts,
 * psychiatrists, and psychiatric nurse practitioners and clinical nurse specialists. School
 * counsellors and psychologists, behaviour analysts and technicians, and pastoral counsellors are
 * not in it. Pass `taxonomies` to `fhirSource` to keep others.
 */
export const BEHAVIOURAL_HEALTH_TAXONOMY: Readonly<Record<string, NuccTaxonomyEntry>> = Object.freeze({
  '101Y00000X': { label: 'Counselor', licenseType: 'LPC' },
  '101YA0400X': { label: 'Addiction (Substance Use Disorder) Counselor', licenseType: 'LCADC' },
  '101YM0800X': { label: 'Mental Health Counselor', licenseType: 'LMHC' },
  '101YP2500X': { label: 'Professional Counselor', licenseType: 'LPC' },
  '102L00000X': { label: 'Psychoanalyst', licenseType: 'LP' },
  '103G00000X': { label: 'Clinical Neuropsychologist', licenseType: 'Psychologist' },
  '103T00000X': { label: 'Psychologist', licenseType: 'Psychologist' },
  '103TA0400X': { label: 'Addiction (Substance Use Disorder) Psychologist', licenseType: 'Psychologist' },
  '103TA0700X': { label: 'Adult Development & Aging Psychologist', licenseType: 'Psychologist' },
  '103TB0200X': { label: 'Cognitive & Behavioral Psychologist', licenseType: 'Psychologist' },
  '103TC0700X': { label: 'Clinical Psychologist', licenseType: 'Clinical Psychologist' },
  '103TC1900X': { label: 'Counseling Psychologist', licenseType: 'Counseling Psychologist' },
  '103TC2200X': { label: 'Clinical Child & Adolescent Psychologist', licenseType: 'Clinical Psychologist' },
  '103TF0000X': { label: 'Family Psychologist', licenseType: 'Psychologist', clientTypes: COUPLES },
  '103TH0004X': { label: 'Health Psychologist', licenseType: 'Psychologist' },
  '103TH0100X': { label: 'Health Service Psychologist', licenseType: 'Psychologist' },
  '103TP0016X': { label: 'Prescribing (Medical) Psychologist', licenseType: 'Psychologist' },
  '103TP0814X': { label: 'Psychoanalysis Psychologist', licenseType: 'Psychologist' },
  '103TP2700X': { label: 'Psychotherapy Psychologist', licenseType: 'Psychologist' },
  '103TP2701X': { label: 'Group Psychotherapy Psychologist', licenseType: 'Psychologist' },
  '103TW0100X': { label: 'Women Psychologist', licenseType: 'Psychologist' },
  '104100000X': { label: 'Social Worker', licenseType: 'LSW' },
  '1041C0700X': { label: 'Clinical Social Worker', licenseType: 'LCSW' },
  '106H00000X': { label: 'Marriage & Family Therapist', licenseType: 'LMFT', clientTypes: COUPLES },
  '2084P0800X': { label: 'Psychiatry Physician', licenseType: 'Psychiatrist' },
  '2084P0802X': { label: 'Addiction Psychiatry Physician', licenseType: 'Psychiatrist' },
  '2084P0804X': { label: 'Child & Adolescent Psychiatry Physician', licenseType: 'Psychiatrist' },
  '2084P0805X': { label: 'Geriatric Psychiatry Physician', licenseType: 'Psychiatrist' },
  '2084P0015X': { label: 'Psychosomatic Medicine Physician', licenseType: 'Psychiatrist' },
  '363LP0808X': { label: 'Psychiatric/Mental Health Nurse Practitioner', licenseType: 'PMHNP' },
  '364SP0808X': { label: 'Psychiatric/Mental Health Clinical Nurse Specialist', licenseType: 'CNS' },
  '364SP0809X': { label: 'Adult Psychiatric/Mental Health Clinical Nurse Specialist', licenseType: 'CNS' },
  '364SP0810X': {
    label: 'Child & Family Psychiatric/Mental Health Clinical Nurse Specialist',
    licenseType: 'CNS',
    clientTypes: COUPLES,
  },
  '364SP0813X': { label: 'Geropsychiatric Clinical Nurse Specialist', licenseType: 'CNS' },
});
