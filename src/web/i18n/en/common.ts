import type { Messages } from '../es/index.js';

/** English, namespace `common`: the frame of the app: sign-in, the shell, menus, modules. */
export const common: Messages['common'] = {
  app: {
    name: 'Ayni',
    tagline: 'Open-source software for coffee cooperatives',
    skipToContent: 'Skip to content',
    loading: 'Loading…',
    retry: 'Try again',
    close: 'Close',
    cancel: 'Cancel',
    goHome: 'Go to the start page',
    notFoundTitle: 'Page not found',
    notFoundText: 'The address you opened does not exist in Ayni.',
    loadErrorTitle: 'Could not load',
    networkError: 'Cannot reach the server. Check your connection and try again.',
    unexpectedError: 'Something unexpected went wrong.',
    noOrgsTitle: 'You do not belong to any organization yet',
    noOrgsText: 'Ask the person who administers your cooperative to give you access.',
    offlineSaved: 'Offline — working with the data saved on this device.',
  },
  form: {
    required: 'This field is required.',
    notSaved: 'Not saved',
    fixFields: 'Correct the marked fields and try again.',
    networkKept:
      'The server cannot be reached. What you typed is still here: try again when you are back online.',
  },
  language: {
    label: 'Language',
    es: 'Español',
    en: 'English',
  },
  signIn: {
    title: 'Sign in',
    intro: 'Sign in with your email and password.',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    failed: 'Could not sign in.',
    demoTitle: 'Demo data',
    demoText:
      'In a demo installation, every user’s password is <code>{{password}}</code>. Users have emails such as <code>{{admin}}</code> or <code>{{manager}}</code>.',
  },
  shell: {
    toggleNavigation: 'Show or hide the navigation menu',
    modulesNav: 'Modules',
    homeLink: 'Ayni, start page',
    myRecord: 'My record',
  },
  orgSwitcher: {
    label: 'Organization',
    placeholder: 'Choose an organization',
    nothingFound: 'No organization matches',
  },
  userMenu: {
    label: 'User menu of {{name}}',
    platformAdmin: 'Platform administrator',
    changePassword: 'Change password',
    signOut: 'Sign out',
    signOutEverywhere: 'Sign out on all devices',
  },
  changePassword: {
    title: 'Change password',
    current: 'Current password',
    new: 'New password',
    confirm: 'Confirm password',
    mismatch: 'The two new passwords do not match.',
    submit: 'Save the password',
    done: 'Your password was changed.',
    failed: 'Could not change the password.',
  },
  modules: {
    home: 'Home',
    members: 'Members',
    collection: 'Collection',
    accounts: 'Accounts',
    governance: 'Governance',
    training: 'Training',
    lots: 'Lots',
    traceability: 'Traceability',
    offers: 'Offers',
  },
  moduleAbout: {
    members:
      'It will keep the register of members with their households, plots, certifications and internal inspections.',
    collection:
      'It will record every coffee delivery at the collection centre: weigh ticket, quality analysis and the day’s price.',
    accounts:
      'It will keep double-entry accounts and each member’s account: advances, settlements, deductions and payments.',
    governance:
      'It will support democratic life: statutes, boards and their terms, assemblies, motions, votes, elections and minutes.',
    training: 'It will record training for members: topics, dates, facilitators and attendance.',
    lots: 'It will build coffee lots from what was collected, traceable to each member and each plot.',
    traceability:
      'From each lot down to the member and the plot, the EUDR package of each shipment and the lot’s public page with its QR code.',
    offers: 'It will publish coffee offers for buyers in a public catalogue.',
  },
  comingSoon: {
    title: 'This module arrives in a later release',
    text: 'It is not available yet. No sample data is shown here.',
    backHome: 'Back to the {{org}} home page',
  },
};
