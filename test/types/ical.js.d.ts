// The part of ical.js 1.5 (a CommonJS build, without its own types) that the tests read calendars with.
declare module 'ical.js' {
  namespace ICAL {
    class Component {
      constructor(jcal: unknown);
      getFirstSubcomponent(name: string): Component;
      getFirstPropertyValue(name: string): unknown;
      getAllProperties(name: string): Property[];
    }
    class Property {
      getFirstValue(): unknown;
    }
    class Time {
      toJSDate(): Date;
    }
    class Event {
      constructor(component: Component);
      uid: string;
      sequence: number;
      summary: string;
      startDate: Time;
      endDate: Time;
    }
    function parse(text: string): unknown;
  }
  export default ICAL;
}
