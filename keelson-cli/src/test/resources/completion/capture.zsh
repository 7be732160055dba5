# Prints, one per line, the matches zsh offers for the command line $2 after sourcing the completion script $1.
# It drives an interactive zsh in a pseudo-terminal (zsh/zpty), presses Tab, and records every match that reaches
# compadd; a key bound to a widget that prints <done> marks the end.
zmodload zsh/zpty
zpty shell zsh -f -i
zpty -w shell "PROMPT= RPROMPT= ; autoload -U compinit && compinit -u -D"
zpty -w shell "source ${(q)1}"
zpty -w shell 'compadd() { local -a found; builtin compadd -O found "$@"; (( $#found )) && print -rl -- "<m>"${^found}; builtin compadd "$@" }'
zpty -w shell "zstyle ':completion:*' menu no; zstyle ':completion:*' list-prompt ''"
zpty -w shell 'bindkey "^I" complete-word; finished() { print -r "<done>" }; zle -N finished; bindkey "^X" finished'
zpty -w shell "print -r '<ready>'"
while zpty -r shell line; do [[ $line == *'<ready>'* && $line != *print* ]] && break; done
zpty -n -w shell "$2"$'\t'$'\C-x'
while zpty -r shell line; do
    [[ $line == *'<done>'* ]] && break
    [[ $line == *'<m>'* ]] && print -r -- "${${line##*<m>}%%$'\r'}"
done
zpty -d shell
