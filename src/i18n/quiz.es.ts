// Mensajes en español del cuestionario y del elemento raíz.
import type { Catalogue } from './localize.js';
import type { quizEn } from './quiz.en.js';

export const quizEs: Record<keyof typeof quizEn, Catalogue[string]> = {
  'quiz.stepHeading': 'Paso {index} de {count}: {title}',
  'quiz.progress': 'Progreso del cuestionario',
  'quiz.progressText': 'Paso {index} de {count}',
  'quiz.next': 'Siguiente',
  'quiz.showMatches': 'Ver mis resultados',
  'quiz.back': 'Atrás',
  'quiz.skip': 'Saltar este paso',
  'quiz.startOver': 'Empezar de nuevo',
  'quiz.cleared': 'Se borraron tus respuestas.',
  'quiz.undo': 'Deshacer',
  'quiz.resultsHeading': 'Tus resultados',
  'quiz.resultsUnavailable':
    'No se pudieron mostrar tus resultados. Comprueba tu conexión a internet e inténtalo de nuevo.',
  'quiz.loading': 'Cargando…',
  'quiz.stepUnavailable': 'No se pudo cargar este paso. Comprueba tu conexión a internet e inténtalo de nuevo.',
  'quiz.retry': 'Intentar de nuevo',
  'quiz.privacy': 'Tus respuestas se quedan en esta pestaña del navegador. No se guardan ni se comparten.',
  'quiz.privacySession': 'Tus respuestas se guardan en esta pestaña hasta que la cierres o empieces de nuevo.',
  'quiz.privacyKept': 'Tus respuestas no se guardan.',
  'quiz.explainerTitle': 'La terapia sexual es terapia conversacional: nunca hay contacto físico',
  'quiz.explainer':
    'La terapia sexual es terapia conversacional con un profesional clínico con licencia, a solas o en pareja: conversación, información y ejercicios para hacer en casa.',
  'quiz.safety':
    'Si estás en peligro o en crisis ahora mismo, llama al número de emergencias local o a una línea de crisis. En EE. UU., llama o escribe al 988.',
  'quiz.safetyLabel': 'Si necesitas ayuda ahora',

  'quiz.step.who': '¿Quién busca ayuda?',
  'quiz.step.concerns': '¿Qué te trae aquí?',
  'quiz.step.comfort': '¿Con quién te sentirías a gusto?',
  'quiz.step.partner': 'Las preferencias de tu pareja',
  'quiz.step.partners': 'Las preferencias de tus parejas',
  'quiz.step.practical': 'Aspectos prácticos',

  'quiz.who.seeking': '¿Quién irá a terapia?',
  'quiz.who.individual': 'Solo yo',
  'quiz.who.couple': 'Mi pareja (o parejas) y yo',
  'quiz.who.age': 'Grupo de edad de quien asistirá',
  'quiz.who.ageUnsaid': 'Prefiero no decirlo',
  'quiz.where': '¿Dónde estás?',
  'quiz.where.hint': 'Para sesiones por vídeo basta un estado o un país. No sale de esta página.',
  'quiz.where.place': 'Código postal, ciudad, estado o país',
  'quiz.where.video': 'Solo sesiones por vídeo',
};
