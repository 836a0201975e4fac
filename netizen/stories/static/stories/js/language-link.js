/**
 * Draftail plugin for the `langlink` rich-text feature (netizen/stories/wagtail_hooks.py).
 *
 * An author selects text, clicks the globe button and gives the URL and the language of the
 * page it links to (a BCP-47 tag: zh, ko, zh-Hant). The editor shows the link with a small
 * "[zh]" after it, as readers will see it on the public site. No build step: plain ES2015
 * using the globals Wagtail's admin exposes (React, DraftJS, draftail).
 */
(function () {
  'use strict';

  var React = window.React;
  var DraftJS = window.DraftJS;
  var draftail = window.draftail;
  if (!React || !DraftJS || !draftail || !draftail.registerPlugin) {
    // Loaded outside a Draftail editor page: nothing to extend.
    return;
  }

  var ENTITY_TYPE = 'LANGLINK';
  var DEFAULT_LANGUAGE = 'zh';

  /** Ask for a value; null when the author cancels, re-asking while `isValid` rejects it. */
  function ask(question, initial, isValid, problem) {
    var value = initial;
    for (;;) {
      value = window.prompt(question, value);
      if (value === null) {
        return null;
      }
      value = value.trim();
      if (isValid(value)) {
        return value;
      }
      question = problem + '\n\n' + question;
    }
  }

  function isUrl(value) {
    return value !== '' && value !== 'https://' && !/^\s*javascript:/i.test(value);
  }

  /** A check against the server's BCP-47 pattern (languages.py), sent with the feature. */
  function languageTagCheck(entityType) {
    var pattern = new RegExp(entityType.languageTagPattern);
    return function (value) {
      return pattern.test(value);
    };
  }

  /** Toolbar source: prompts for URL and language, then links the selected text. */
  class LanguageLinkSource extends React.Component {
    componentDidMount() {
      var props = this.props;
      var data = props.entity ? props.entity.getData() : {};

      var url = ask(
        'Link to (URL of the page):',
        data.url || 'https://',
        isUrl,
        'Please enter the address of the page.'
      );
      var lang = url === null
        ? null
        : ask(
          'Language of that page (BCP-47 tag, e.g. zh, zh-Hant, ko):',
          data.lang || DEFAULT_LANGUAGE,
          languageTagCheck(props.entityType),
          'That is not a language tag.'
        );
      if (url === null || lang === null) {
        // Cancelled: leave the editor as it was.
        props.onClose();
        return;
      }

      var editorState = props.editorState;
      var content = editorState.getCurrentContent();
      var selection = editorState.getSelection();
      var utils = draftail.DraftUtils;
      if (props.entityKey && selection.isCollapsed() && utils && utils.getEntitySelection) {
        // Caret inside an existing language link: edit the whole link.
        selection = utils.getEntitySelection(editorState, props.entityKey);
      }
      var contentWithEntity = content.createEntity(ENTITY_TYPE, 'MUTABLE', {url: url, lang: lang});
      var entityKey = contentWithEntity.getLastCreatedEntityKey();
      var nextState;
      if (selection.isCollapsed()) {
        // Nothing selected: insert the URL as the link text.
        var withText = DraftJS.Modifier.replaceText(
          contentWithEntity, selection, url, null, entityKey
        );
        nextState = DraftJS.EditorState.push(editorState, withText, 'insert-characters');
      } else {
        // Link the selection; when editing, Draftail has selected the whole existing link, so
        // the new entity replaces the old one.
        var withEntity = DraftJS.Modifier.applyEntity(contentWithEntity, selection, entityKey);
        nextState = DraftJS.EditorState.push(editorState, withEntity, 'apply-entity');
      }
      props.onComplete(nextState);
    }

    render() {
      return null;
    }
  }

  var STYLE_ID = 'netizen-langlink-style';

  /** The "[zh]" after the link text, as CSS so Draft.js sees no extra text in the editor. */
  function addStyle() {
    if (document.getElementById(STYLE_ID)) {
      return;
    }
    var style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = [
      '.netizen-langlink[data-lang]::after {',
      '  content: " [" attr(data-lang) "]";',
      '  font-size: 0.75em;',
      '  font-weight: 600;',
      '  color: var(--w-color-text-context, #555);',
      '  white-space: nowrap;',
      '  user-select: none;',
      '}',
    ].join('\n');
    document.head.appendChild(style);
  }

  function globeIcon() {
    return React.createElement(
      'svg',
      {className: 'icon icon-globe Draftail-Icon', 'aria-hidden': 'true'},
      React.createElement('use', {href: '#icon-globe'})
    );
  }

  /** Editor rendering of a language link: Wagtail's link tooltip (Edit / Remove) plus [lang]. */
  function LanguageLink(props) {
    var data = props.contentState.getEntity(props.entityKey).getData();
    var url = data.url || '';
    var lang = data.lang || '';
    var label = (lang ? '[' + lang + '] ' : '') + url;
    var link = draftail.TooltipEntity
      ? React.createElement(
        draftail.TooltipEntity,
        Object.assign({}, props, {icon: globeIcon(), label: label, url: url})
      )
      : React.createElement('a', {href: url, title: label}, props.children);
    return React.createElement(
      'span',
      {
        className: 'netizen-langlink',
        'data-lang': lang || undefined,
        title: lang ? 'Link to a page in ' + lang : undefined,
      },
      link
    );
  }

  addStyle();
  draftail.registerPlugin(
    {type: ENTITY_TYPE, source: LanguageLinkSource, decorator: LanguageLink},
    'entityTypes'
  );
})();
