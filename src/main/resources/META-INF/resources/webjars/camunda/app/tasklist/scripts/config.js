// Tasklist configuration of Kiif Programmes: replaces the one in Camunda's webjar (same path, earlier on the
// classpath). Incubator staff and jurors work in French: French is the only language offered, whatever the
// browser's (locales/fr.json next to this folder; a test checks it covers every label of Camunda's en.json).
export default {
  locales: {
    availableLocales: ['fr'],
    fallbackLocale: 'fr'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'prend en charge la tâche sélectionnée'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'place le curseur sur le premier filtre de la liste'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'place le curseur sur la première tâche de la liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'place le curseur sur le premier champ du formulaire de la tâche'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'ouvre la fenêtre de démarrage d’un processus'
    }
  }
};
