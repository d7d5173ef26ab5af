declare namespace App {
  interface Locals {
    /** The report a report page is rendering, for the components of its MDX body (Heading, Para, Mark, Term). */
    report?: import('./lib/site.ts').ReportView;
  }
}
