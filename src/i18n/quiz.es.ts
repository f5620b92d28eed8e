// Mensajes en español del cuestionario y del elemento raíz.
import type { Catalogue } from './localize.js';
import type { QuizMessageKey } from './quiz.en.js';

export const quizEs: Record<QuizMessageKey, Catalogue[string]> = {
  'quiz.stepHeading': 'Paso {index} de {count}: {title}',
  'quiz.progress': 'Progreso del cuestionario',
  'quiz.progressText': 'Paso {index} de {count}',
  'quiz.next': 'Siguiente',
  'quiz.showMatches': 'Ver mis resultados',
  'quiz.back': 'Atrás',
  'quiz.skip': 'Saltar este paso',
  'quiz.startOver': 'Empezar de nuevo',
  'quiz.resultsHeading': 'Tus resultados',
  'quiz.resultsUnavailable': 'No se pudieron mostrar tus resultados. Comprueba tu conexión a internet e inténtalo de nuevo.',
  'quiz.retry': 'Intentar de nuevo',
  'quiz.privacy': 'Tus respuestas se quedan en esta pestaña del navegador. No se guardan ni se comparten.',
  'quiz.privacySession': 'Tus respuestas se guardan en esta pestaña hasta que la cierres o empieces de nuevo.',
  'quiz.explainerTitle': '¿Qué es la terapia sexual?',
  'quiz.explainer':
    'La terapia sexual es terapia conversacional con un profesional clínico con licencia, a solas o en pareja. Las sesiones son conversación, información y ejercicios para hacer en casa. Nunca hay contacto físico en una sesión.',
  'quiz.safety':
    'Si estás en peligro o en crisis ahora mismo, llama al número de emergencias local o a una línea de crisis. En EE. UU., llama o escribe al 988.',
  'quiz.safetyLabel': 'Si necesitas ayuda ahora',

  'quiz.step.who': '¿Quién busca ayuda?',
  'quiz.step.concerns': '¿Qué te trae aquí?',
  'quiz.step.comfort': '¿Con quién te sentirías a gusto?',
  'quiz.step.partner': 'Las preferencias de tu pareja',
  'quiz.step.practical': 'Aspectos prácticos',

  'quiz.who.seeking': '¿Quién irá a terapia?',
  'quiz.who.individual': 'Solo yo',
  'quiz.who.couple': 'Mi pareja (o parejas) y yo',
  'quiz.who.age': 'Grupo de edad de quien asistirá',
  'quiz.who.ageUnsaid': 'Prefiero no decirlo',

  'quiz.concerns.intro': 'Elige lo que encaje. Puedes cambiarlo después y no hace falta estar seguro.',
  'quiz.concerns.notSure': 'Aún no lo sé',
  'quiz.concerns.primary': '¿Qué es lo más importante para ti?',
  'quiz.concerns.physician':
    'Para dificultades del funcionamiento del cuerpo, los profesionales suelen recomendar ver también a un médico, para descartar o tratar causas físicas. La terapia funciona bien junto a la atención médica.',

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
