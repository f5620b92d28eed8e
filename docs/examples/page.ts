// The page from docs/adapters.md: the adapter handed to the widget.
import 'therapist-match/define.js';
import { providersSource } from './providers-source.js';

const widget = document.querySelector('therapist-match')!;
widget.source = providersSource({ baseUrl: 'https://api.example.org', apiKey: 'pk_public_example' });
widget.addEventListener('tm-error', (event) => console.error(event.detail.kind, event.detail.message));
widget.addEventListener('tm-data-problem', (event) => console.warn(event.detail.problems));
