// Mensajes en español de los pasos del cuestionario después del primero.
import type { Catalogue } from './localize.js';
import type { QuizStepsMessageKey } from './steps.en.js';

export const quizStepsEs: Record<QuizStepsMessageKey, Catalogue[string]> = {
  'quiz.adolescent':
    'Para alguien de 13 a 17 años, normalmente un padre, una madre o un tutor organiza la terapia y da su consentimiento; el terapeuta explica qué queda en privado entre él y la persona joven.',
  'quiz.concerns.intro': 'Elige lo que encaje. Puedes cambiarlo después y no hace falta estar seguro.',
  'quiz.concerns.notSure': 'Aún no lo sé',
  'quiz.concerns.primary': '¿Qué es lo más importante para ti?',
  'quiz.concerns.physician':
    'Para dificultades del funcionamiento del cuerpo, los profesionales suelen recomendar ver también a un médico, para descartar o tratar causas físicas. La terapia funciona bien junto a la atención médica.',
  'quiz.concerns.common': 'Las más habituales',
  'quiz.concerns.more': { one: 'Más motivos ({count})', other: 'Más motivos ({count})' },
  'quiz.concerns.note.pain-with-sex':
    'Para el dolor, un médico o un fisioterapeuta de suelo pélvico se ocupa del cuerpo. Un terapeuta sexual habla contigo y nunca te examina.',
  'quiz.comfort.intro': 'Cada persona tiene sus preferencias. Elige solo lo que te importe.',
  'quiz.comfort.gender': 'Género del terapeuta',
  'quiz.comfort.languages': 'Idiomas',
  'quiz.comfort.communities': 'Conoce y respeta estas comunidades',
  'quiz.language.ase': 'Lengua de señas americana',
  'quiz.importance': '¿Cuánto te importa?',
  'quiz.importance.required': 'Imprescindible',
  'quiz.importance.preferred': 'Estaría bien',
  'quiz.importance.none': 'Me da igual',
  'quiz.partner.note':
    'A las parejas les va mejor cuando acuerdan antes qué buscan en un terapeuta. Rellenad esto juntos, y que tu pareja elija por sí misma.',
  'quiz.partner.numbered': 'Pareja {number}',
  'quiz.partner.add': 'Añadir otra pareja',
  'quiz.partner.remove': 'Quitar pareja {number}',
  'quiz.practical.format': '¿Cómo prefieres reunirte?',
  'quiz.practical.inPerson': 'En persona',
  'quiz.practical.video': 'Por vídeo',
  'quiz.practical.either': 'Cualquiera',
  'quiz.practical.location': '¿Dónde vives?',
  'quiz.practical.locationHint':
    'Los terapeutas por vídeo deben tener licencia donde vives. Esto se queda en tu dispositivo y solo se compara con la ubicación de los terapeutas.',
  'quiz.practical.postal': 'Código postal o ciudad',
  'quiz.practical.region': 'O elige tu estado o provincia',
  'quiz.practical.regionNone': 'Elegir…',
  'quiz.practical.found': 'Usando: {place}',
  'quiz.practical.notFound': 'No encontramos «{place}». Prueba otro código postal o elige tu estado o provincia.',
  'quiz.practical.distance': '¿Hasta dónde puedes desplazarte?',
  'quiz.practical.distanceAny': 'Cualquier distancia',
  'quiz.practical.cost': 'Coste',
  'quiz.practical.budget': 'Lo máximo que puedo pagar por sesión',
  'quiz.practical.currency': 'Moneda',
  'quiz.practical.budgetFirm': 'Es un límite firme',
  'quiz.practical.insurance': 'Seguro que me gustaría usar',
  'quiz.practical.slidingScale': 'Me gustaría una tarifa según ingresos',
  'quiz.practical.accepting': 'Mostrar solo terapeutas que aceptan nuevos pacientes',
};
