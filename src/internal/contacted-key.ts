// The sessionStorage key of the therapists contacted during a visit (ids only), kept with
// `persist="session"`: the results write it, "Start over" removes it.
export const CONTACTED_KEY = 'therapist-match:contacted';
