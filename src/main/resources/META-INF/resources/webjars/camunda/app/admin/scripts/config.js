// Configuration of Kiif Programmes for this Camunda webapp: replaces the webjar's (same path, earlier on the
// classpath). The alliance works in French: French is the only language offered, whatever the browser's
// (locales/fr.json; a test checks it covers every label of Camunda's en.json).
export default {
  locales: {
    availableLocales: ['fr'],
    fallbackLocale: 'fr'
  }
};
