/** Spanish, namespace `common`: the frame of the app: sign-in, the shell, menus, modules. */
export const common = {
  app: {
    name: 'Ayni',
    tagline: 'Software libre para cooperativas cafetaleras',
    skipToContent: 'Saltar al contenido',
    loading: 'Cargando…',
    retry: 'Reintentar',
    close: 'Cerrar',
    cancel: 'Cancelar',
    goHome: 'Ir al inicio',
    notFoundTitle: 'Página no encontrada',
    notFoundText: 'La dirección que abriste no existe en Ayni.',
    loadErrorTitle: 'No se pudo cargar',
    networkError: 'No se puede conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.',
    unexpectedError: 'Ocurrió un error inesperado.',
    noOrgsTitle: 'Aún no perteneces a ninguna organización',
    noOrgsText: 'Pide a la persona que administra tu cooperativa que te dé acceso.',
    offlineSaved: 'Sin conexión — trabajando con los datos guardados en este equipo.',
  },
  form: {
    required: 'Este campo es obligatorio.',
    notSaved: 'No se guardó',
    fixFields: 'Corrija los campos marcados y vuelva a intentarlo.',
    networkKept:
      'No hay conexión con el servidor. Lo que escribió sigue aquí: vuelva a intentarlo cuando haya señal.',
  },
  language: {
    label: 'Idioma',
    es: 'Español',
    en: 'English',
  },
  signIn: {
    title: 'Iniciar sesión',
    intro: 'Ingresa con tu correo y contraseña.',
    email: 'Correo electrónico',
    password: 'Contraseña',
    submit: 'Entrar',
    submitting: 'Entrando…',
    failed: 'No se pudo iniciar sesión.',
    demoTitle: 'Datos de demostración',
    demoText:
      'En una instalación de demostración, la contraseña de todos los usuarios es <code>{{password}}</code>. Los usuarios tienen correos como <code>{{admin}}</code> o <code>{{manager}}</code>.',
  },
  shell: {
    toggleNavigation: 'Mostrar u ocultar el menú de navegación',
    modulesNav: 'Módulos',
    homeLink: 'Ayni, inicio',
    myRecord: 'Mi registro',
  },
  orgSwitcher: {
    label: 'Organización',
    placeholder: 'Elige una organización',
    nothingFound: 'Ninguna organización coincide',
  },
  userMenu: {
    label: 'Menú de usuario de {{name}}',
    platformAdmin: 'Administración de la plataforma',
    changePassword: 'Cambiar contraseña',
    signOut: 'Cerrar sesión',
    signOutEverywhere: 'Cerrar sesión en todos los dispositivos',
  },
  changePassword: {
    title: 'Cambiar contraseña',
    current: 'Contraseña actual',
    new: 'Contraseña nueva',
    confirm: 'Confirmar contraseña',
    mismatch: 'Las dos contraseñas nuevas no coinciden.',
    submit: 'Guardar la contraseña',
    done: 'Tu contraseña se cambió.',
    failed: 'No se pudo cambiar la contraseña.',
  },
  modules: {
    home: 'Inicio',
    members: 'Socios',
    collection: 'Acopio',
    accounts: 'Cuentas',
    governance: 'Gobernanza',
    training: 'Capacitación',
    lots: 'Lotes',
    traceability: 'Trazabilidad',
    offers: 'Ofertas',
  },
  moduleAbout: {
    members:
      'Llevará el padrón de socios con sus familias, parcelas, certificaciones e inspecciones internas.',
    collection:
      'Registrará cada entrega de café en el centro de acopio: ticket de pesaje, análisis de calidad y precio del día.',
    accounts:
      'Llevará la contabilidad de partida doble y la cuenta de cada socio: adelantos, liquidaciones, descuentos y pagos.',
    governance:
      'Acompañará la vida democrática: estatutos, consejos y sus mandatos, asambleas, mociones, votaciones, elecciones y actas.',
    training: 'Registrará las capacitaciones a los socios: temas, fechas, facilitadores y asistencia.',
    lots: 'Armará lotes de café a partir del acopio, con su trazabilidad hasta cada socio y cada parcela.',
    traceability:
      'De cada lote hasta el socio y la parcela, el paquete EUDR de cada embarque y la página pública del lote con su código QR.',
    offers: 'Publicará ofertas de café para compradores en un catálogo público.',
  },
  comingSoon: {
    title: 'Este módulo llega en una próxima versión',
    text: 'Todavía no está disponible. Aquí no se muestran datos de ejemplo.',
    backHome: 'Volver al inicio de {{org}}',
  },
} as const;
